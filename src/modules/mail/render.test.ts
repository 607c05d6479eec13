import { describe, expect, it } from "vitest";
import { composeDigest, composeInstant, composeReset, describe as describeNotification, portalLink } from "./compose";
import { escapeHtml, headerSafe, renderMail } from "./render";
import { hashToken, isTokenShaped, newToken } from "./tokens";

const vi = { email: "a@b.vn", name: "Nguyễn <b>Văn</b> A", lang: "vi" as const };

describe("tokens", () => {
  it("are 32 random bytes in base64url, stored as their SHA-256", () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    // The known SHA-256 of "abc": the hash is the standard one, not something home-made.
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("refuses anything not shaped like one before asking the database", () => {
    expect(isTokenShaped(newToken().token)).toBe(true);
    for (const bad of ["", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}'`, null, 5])
      expect(isTokenShaped(bad)).toBe(false);
  });
});

describe("mail rendering", () => {
  it("escapes everything that comes from data in the HTML part and keeps the text part plain", () => {
    const mail = renderMail({
      subject: "Chào <script>\r\nBcc: x@evil",
      greeting: `Kính gửi ${vi.name},`,
      paragraphs: [`"quoted" & <img src=x onerror=alert(1)>`],
      items: [{ text: "<i>x</i>", url: "javascript:alert(1)" }],
      action: { label: "Mở <trên> cổng", url: "https://cds.gov.vn/vi/review?a=1&b=<2>" },
      footer: ["Cổng"],
      unsubscribe: [{ label: "Hủy", url: "https://cds.gov.vn/vi/unsubscribe?token=t" }],
    });
    expect(mail.html).not.toMatch(/<script|<img|<b>|<i>|javascript:/);
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain("&quot;quoted&quot; &amp;");
    expect(mail.html).toContain('href="https://cds.gov.vn/vi/review?a=1&amp;b=%3C2%3E"');
    expect(mail.text).toContain('"quoted" & <img src=x onerror=alert(1)>');
    expect(mail.text).not.toContain("javascript:");
    // No header injection through the subject.
    expect(mail.subject).toBe("Chào <script> Bcc: x@evil");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain("Hủy: https://cds.gov.vn/vi/unsubscribe?token=t");
  });

  it("escapes the five characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(headerSafe("a\u0000b\u007fc")).toBe("a b c");
  });

  it("writes a due-soon reminder in the recipient's language, with the period and date as they read them", () => {
    const n = {
      kind: "DUE_SOON",
      category: "deadline",
      params: { period: "2026-Q3", due: "2026-11-30T00:00:00.000Z", remaining: 1234, total: 1500, days: 5 },
      href: "/reporting?period=2026-Q3",
    };
    expect(describeNotification("vi", n)).toEqual({
      subject: "Nhắc hạn: báo cáo Quý III/2026 đến hạn ngày 30/11/2026",
      body: "Còn 5 ngày đến hạn nộp báo cáo Quý III/2026 (30/11/2026). Cơ quan của bạn còn 1.234/1.500 mục chưa nộp.",
    });
    expect(describeNotification("en", n).subject).toBe("Reminder: the Q3 2026 report is due on 30 November 2026");
    const mail = renderMail(
      composeInstant(vi, n, {
        baseUrl: "https://cds.gov.vn",
        unsubscribe: { categories: ["deadline"], url: "https://cds.gov.vn/vi/unsubscribe?token=t" },
      }),
    );
    expect(mail.text).toContain("https://cds.gov.vn/vi/reporting?period=2026-Q3");
    expect(mail.text).toContain("Không nhận thư điện tử loại “Hạn nộp báo cáo” nữa");
    expect(mail.html).toContain("Nguyễn &lt;b&gt;Văn&lt;/b&gt; A");
  });

  it("never turns a stored href into a link elsewhere", () => {
    expect(portalLink("https://cds.gov.vn", "en", "/review")).toBe("https://cds.gov.vn/en/review");
    expect(portalLink("https://cds.gov.vn", "vi", "//evil.example/x")).toBe("https://cds.gov.vn/vi");
    expect(portalLink("https://cds.gov.vn", "vi", "https://evil.example")).toBe("https://cds.gov.vn/vi");
  });

  it("gathers a digest into one mail with a line and link per notification", () => {
    const list = [
      { kind: "WAITING", category: "queue", params: { count: 7 }, href: "/review" },
      { kind: "COMMENT", category: "comment", params: { body: "<b>hi</b>" }, href: "/reporting/observations/3" },
      {
        kind: "RETURNED",
        category: "review",
        params: { item: "Tỷ lệ hồ sơ", year: 2026, quarter: 3, comment: "Kiểm tra lại <số liệu>" },
        href: "/reporting/observations/4",
      },
    ];
    const c = composeDigest(vi, list, {
      baseUrl: "https://cds.gov.vn",
      day: "2026-12-04",
      unsubscribe: [
        { categories: ["comment"], url: "https://cds.gov.vn/vi/unsubscribe?token=a" },
        { categories: ["queue"], url: "https://cds.gov.vn/vi/unsubscribe?token=b" },
      ],
    });
    expect(c.subject).toBe("Tóm tắt thông báo ngày 04/12/2026 (3)");
    expect(c.items).toEqual([
      { text: "Có 7 mục báo cáo đã nộp đang chờ thẩm định.", url: "https://cds.gov.vn/vi/review" },
      {
        text: "Có trao đổi mới về một mục báo cáo bạn theo dõi.",
        url: "https://cds.gov.vn/vi/reporting/observations/3",
      },
      // An item's news names the item and quotes the reviewer, as the bell does.
      {
        text: expect.stringMatching(/Tỷ lệ hồ sơ.*Quý III\/2026.*Kiểm tra lại <số liệu>/),
        url: "https://cds.gov.vn/vi/reporting/observations/4",
      },
    ]);
    expect(c.unsubscribe).toHaveLength(2);
  });

  it("writes the reset mail with its link and the hour it lasts", () => {
    const m = renderMail(composeReset({ ...vi, lang: "en" }, "https://cds.gov.vn/en/reset-password?token=x"));
    expect(m.subject).toBe("Reset your password");
    expect(m.text).toContain("Choose a new password: https://cds.gov.vn/en/reset-password?token=x");
    expect(m.text).toContain("within 1 hour");
  });
});
