// Operations screens: the administrator's backups page (src/modules/backups).
export const opsVi = {
  backups: {
    nav: "Sao lưu",
    navHint: "Bản sao lưu hằng đêm: thời điểm, dung lượng, số dòng; tải về; cảnh báo khi sao lưu lỗi hoặc quá hạn.",
    title: "Sao lưu cơ sở dữ liệu",
    intro:
      "Cổng tự sao lưu toàn bộ cơ sở dữ liệu mỗi đêm lúc {at} (giờ Việt Nam) và giữ {keep} bản gần nhất. Mỗi bản có mã kiểm tra SHA-256; hãy định kỳ chạy thử khôi phục (npm run db:restore-check).",
    off: "Sao lưu tự động đang tắt (BACKUP_AT=off). Hãy sao lưu bằng lệnh npm run db:backup.",
    next: "Lần sao lưu tự động tiếp theo: {at}.",
    statusOk: "Bản sao lưu gần nhất lúc {at} ({ago}).",
    statusNone:
      "Chưa có bản sao lưu nào. Bản đầu tiên sẽ được tạo lúc {at}; có thể sao lưu ngay bằng lệnh npm run db:backup.",
    statusOverdue:
      "Quá hạn sao lưu: bản gần nhất đã cách đây {ago} (quá 36 giờ). Hãy kiểm tra cổng và thư mục sao lưu.",
    statusFailed: "Lần sao lưu lúc {at} bị lỗi: {error}",
    colTime: "Thời điểm",
    colSize: "Dung lượng",
    colRows: "Số dòng",
    colTables: "Số bảng",
    colChecksum: "SHA-256",
    colDownload: "Tải về",
    download: "Tải về",
    downloadLabel: "Tải về bản sao lưu lúc {at}",
    empty: "Thư mục sao lưu chưa có bản nào.",
    hoursAgo: "{n} giờ trước",
    minutesAgo: "{n} phút trước",
    daysAgo: "{n} ngày trước",
    notFound: "Không tìm thấy bản sao lưu này.",
  },
};

export const opsEn: typeof opsVi = {
  backups: {
    nav: "Backups",
    navHint: "Nightly backups: time, size, row counts; download; warnings when a backup failed or is overdue.",
    title: "Database backups",
    intro:
      "The portal backs up the whole database every night at {at} (Vietnam time) and keeps the last {keep}. Each backup has a SHA-256 checksum; run the restore drill (npm run db:restore-check) regularly.",
    off: "Scheduled backups are off (BACKUP_AT=off). Back up with npm run db:backup.",
    next: "Next scheduled backup: {at}.",
    statusOk: "Last backup at {at} ({ago}).",
    statusNone: "No backup yet. The first will be taken at {at}; to take one now, run npm run db:backup.",
    statusOverdue: "Backup overdue: the latest is {ago} old (over 36 hours). Check the portal and the backup folder.",
    statusFailed: "The backup at {at} failed: {error}",
    colTime: "Time",
    colSize: "Size",
    colRows: "Rows",
    colTables: "Tables",
    colChecksum: "SHA-256",
    colDownload: "Download",
    download: "Download",
    downloadLabel: "Download the backup of {at}",
    empty: "The backup folder holds no backup yet.",
    hoursAgo: "{n} hours ago",
    minutesAgo: "{n} minutes ago",
    daysAgo: "{n} days ago",
    notFound: "This backup was not found.",
  },
};
