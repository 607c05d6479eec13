// Messages of the catalogue's document-text extraction (src/modules/catalogue/text/): why an
// uploaded or pasted document was refused, and what the editor should check in what was read.
// Meant to sit in the catalogue at `catalogue.upload` (the module returns keys such as
// "catalogue.upload.errors.pdfNoText"); parameters are filled in where the message is shown.
export const catalogueTextVi = {
  errors: {
    empty: "Tệp trống: không có nội dung nào.",
    noText: "Không tìm thấy chữ nào trong tệp.",
    fileTooLarge: "Tệp quá lớn ({sizeMb} MB). Dung lượng tối đa là {maxMb} MB.",
    textTooLong:
      "Văn bản quá dài: hơn {max} ký tự. Hãy kiểm tra lại tệp, hoặc chia văn bản (ví dụ tách phụ lục) rồi thêm từng phần.",
    tooManyLines: "Văn bản quá dài: {lines} dòng, tối đa {max} dòng.",
    binary:
      "Tệp này không phải văn bản, .docx hay PDF. Hãy tải lên tệp văn bản (.txt), .docx hoặc PDF có lớp chữ, hoặc dán văn bản.",
    notUtf8:
      "Tệp văn bản không dùng bảng mã Unicode UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258). Hãy mở tệp và lưu lại với bảng mã UTF-8 (hoặc chuyển mã bằng Unikey), rồi tải lên lại; hoặc dán văn bản.",
    legacyDoc:
      "Tệp Word 97–2003 (.doc) chưa được hỗ trợ. Hãy mở tệp trong Word hoặc LibreOffice, lưu thành .docx rồi tải lên lại; hoặc dán văn bản.",
    encrypted: "Tệp {format} được đặt mật khẩu. Hãy gỡ mật khẩu, lưu lại rồi tải lên; hoặc dán văn bản.",
    unsupported:
      "Định dạng {format} không được hỗ trợ. Hãy tải lên tệp văn bản (.txt), .docx hoặc PDF có lớp chữ, hoặc dán văn bản.",
    image: "Tệp là ảnh ({format}), không có lớp chữ. Hãy dán văn bản hoặc tải lên tệp .docx.",
    docxDamaged:
      "Tệp .docx bị hỏng hoặc không đọc được. Hãy mở và lưu lại tệp trong Word hoặc LibreOffice, hoặc dán văn bản.",
    docxTooBig:
      "Nội dung của tệp .docx khi giải nén vượt quá {maxMb} MB, quá lớn với một văn bản. Hãy lưu lại tệp (bỏ ảnh, định dạng thừa) hoặc dán văn bản.",
    pdfNoText: "Tệp PDF này không có lớp chữ (là ảnh quét): hãy dán văn bản hoặc tải lên tệp .docx.",
    pdfDamaged: "Tệp PDF bị hỏng hoặc không đọc được. Hãy dán văn bản hoặc tải lên tệp .docx.",
    pdfTooManyPages: "Tệp PDF có {pages} trang, tối đa {max} trang. Hãy tách văn bản hoặc dán phần cần thêm.",
    timeout: "Đọc tệp mất quá {seconds} giây nên đã dừng. Hãy dán văn bản hoặc tải lên tệp .docx.",
    failed: "Không đọc được tệp. Vui lòng thử lại, dán văn bản hoặc tải lên tệp .docx.",
  },
  warnings: {
    extensionMismatch: "Tên tệp “{name}” không khớp với nội dung: tệp được đọc như {detected}.",
    controlCharsRemoved: "Đã bỏ {count} ký tự điều khiển không hiển thị được.",
    replacementChars: "Có {count} ký tự không giải mã được (hiện thành “�”). Hãy kiểm tra các chỗ đó so với bản gốc.",
    looksLikeHtml:
      "Nội dung có vẻ là mã HTML (thẻ <…>): văn bản được giữ nguyên kể cả các thẻ. Nếu không muốn vậy, hãy dán văn bản đã hiển thị.",
    docxTrackedChanges:
      "Tệp có thay đổi chưa được chấp nhận (theo dõi thay đổi): văn bản được lấy như khi chấp nhận mọi thay đổi. Hãy kiểm tra với bản chính thức.",
    docxAutoNumbering:
      "{count} đoạn được Word đánh số tự động: số thứ tự được ghi như Word hiển thị. Hãy kiểm tra số thứ tự và số hiệu mục.",
    docxSymbolsSkipped:
      "Bỏ qua {count} ký hiệu chèn bằng phông ký hiệu (Symbol, Wingdings) vì không có ký tự tương ứng.",
    pdfLayout:
      "Văn bản lấy từ PDF theo bố cục trang: dòng có thể ngắt giữa câu, tiêu đề và số trang lặp lại, ô của bảng có thể nằm trên nhiều dòng. Hãy kiểm tra trước khi trích dẫn; nếu có tệp .docx, hãy dùng tệp đó.",
    pdfPagesWithoutText: "{count} trang không có lớp chữ (có thể là ảnh quét) và không được đọc: trang {pages}.",
  },
};

export const catalogueTextEn: typeof catalogueTextVi = {
  errors: {
    empty: "The file is empty.",
    noText: "No text was found in the file.",
    fileTooLarge: "The file is too large ({sizeMb} MB). The maximum is {maxMb} MB.",
    textTooLong:
      "The text is too long: more than {max} characters. Check the file, or split the text (for example its appendices) and add each part.",
    tooManyLines: "The text is too long: {lines} lines, at most {max}.",
    binary:
      "This file is not text, .docx or PDF. Upload a text file (.txt), a .docx or a PDF with a text layer, or paste the text.",
    notUtf8:
      "The text file is not in Unicode UTF-8 (it may be TCVN3, VNI or Windows-1258). Open it and save it as UTF-8 (or convert it with Unikey), then upload it again; or paste the text.",
    legacyDoc:
      "Word 97–2003 files (.doc) are not supported. Open the file in Word or LibreOffice, save it as .docx and upload that; or paste the text.",
    encrypted:
      "The {format} file is password-protected. Remove the password, save it and upload it again; or paste the text.",
    unsupported:
      "The {format} format is not supported. Upload a text file (.txt), a .docx or a PDF with a text layer, or paste the text.",
    image: "The file is an image ({format}) with no text layer. Paste the text or upload a .docx.",
    docxDamaged:
      "The .docx file is damaged or cannot be read. Open and save it again in Word or LibreOffice, or paste the text.",
    docxTooBig:
      "The .docx file's content inflates to more than {maxMb} MB, too large for a document. Save it again (without pictures or excess formatting) or paste the text.",
    pdfNoText: "This PDF has no text layer (scanned image): paste the text or upload a .docx.",
    pdfDamaged: "The PDF is damaged or cannot be read. Paste the text or upload a .docx.",
    pdfTooManyPages: "The PDF has {pages} pages; the maximum is {max}. Split the document or paste the part to add.",
    timeout: "Reading the file took more than {seconds} seconds and was stopped. Paste the text or upload a .docx.",
    failed: "The file could not be read. Try again, paste the text or upload a .docx.",
  },
  warnings: {
    extensionMismatch: "The file name “{name}” does not match its content: it was read as {detected}.",
    controlCharsRemoved: "{count} invisible control characters were removed.",
    replacementChars:
      "{count} characters could not be decoded (shown as “�”). Check those places against the original.",
    looksLikeHtml:
      "The content looks like HTML (<…> tags): the text is kept as it is, tags included. If that is not wanted, paste the rendered text instead.",
    docxTrackedChanges:
      "The file has tracked changes that were not accepted: the text is read as if every change were accepted. Check it against the official version.",
    docxAutoNumbering:
      "{count} paragraphs are numbered automatically by Word: the numbers are written as Word shows them. Check the numbering of items.",
    docxSymbolsSkipped:
      "{count} symbols inserted from a symbol font (Symbol, Wingdings) were skipped: they have no text character.",
    pdfLayout:
      "Text from a PDF follows the page layout: lines may break mid-sentence, headers and page numbers repeat, and a table cell may span several lines. Check it before quoting; if a .docx exists, use it instead.",
    pdfPagesWithoutText: "{count} pages have no text layer (scanned images?) and were not read: pages {pages}.",
  },
};
