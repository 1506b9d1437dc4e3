# Pins: email: building an EmailMessage with headers and attachments (fixed boundary), parsing back, header utilities and quoted-printable/base64 payload encoding.
from email.message import EmailMessage
from email import message_from_string, policy
from email.utils import parseaddr, formataddr, getaddresses
from email.header import decode_header, Header
msg = EmailMessage()
msg["From"] = formataddr(("Ann Example", "ann@example.com"))
msg["To"] = "bob@example.com, Cy <cy@example.com>"
msg["Subject"] = "Héllo wörld"
msg.set_content("Plain body line.\nSecond line with é.\n")
msg.add_alternative("<p>HTML body</p>", subtype="html")
msg.add_attachment(b"\x00\x01binary", maintype="application", subtype="octet-stream", filename="data.bin")
msg.set_boundary("BOUNDARY-FIXED")
for part in msg.walk():
    if part.get_content_maintype() == "multipart" and part is not msg:
        part.set_boundary("INNER-FIXED")
text = msg.as_string()
print(text)
parsed = message_from_string(text, policy=policy.default)
print(parsed["Subject"], parsed.get_content_type(), parsed.is_multipart(), [p.get_content_type() for p in parsed.walk()])
body = parsed.get_body(preferencelist=("plain",))
print(repr(body.get_content()))
att = next(parsed.iter_attachments())
print(att.get_filename(), att.get_content())
print(parseaddr("Ann <ann@example.com>"), getaddresses(["a@x.com, B <b@y.org>"]), formataddr(("Zoë", "z@e.com")))
print(decode_header("=?utf-8?q?H=C3=A9llo?="), str(Header("Héllo", "utf-8")))
simple = message_from_string("Subject: hi\nX-Custom: 1\n\nbody text\n")
print(simple["subject"], simple["X-Custom"], simple.get_payload(), list(simple.keys()))
