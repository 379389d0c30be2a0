package be.bruzel.localplatform;

import be.bruzel.platform.smscentre.LocalSmsCentre;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's mail server: a real SMTP server (GreenMail) that keeps every mail the platform
 * sends, and a page that shows them, newest first, with the text messages the demo's SMS centre
 * kept, so that a newcomer sees what GPs, organisations and persons would receive. Nothing leaves
 * the machine.
 */
final class LocalMailbox implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer page;
    private final LocalSmsCentre sms;

    private LocalMailbox(GreenMail smtp, HttpServer page, LocalSmsCentre sms) {
        this.smtp = smtp;
        this.page = page;
        this.sms = sms;
    }

    static LocalMailbox start(int smtpPort, int pagePort, LocalSmsCentre sms) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", pagePort), 0);
            LocalMailbox mailbox = new LocalMailbox(smtp, page, sms);
            page.createContext("/", exchange -> {
                byte[] body = mailbox.render().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            page.start();
            return mailbox;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Cannot show the demo's mail on port " + pagePort, e);
        }
    }

    private String render() {
        List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages()).reversed();
        String items = mails.stream().map(LocalMailbox::item).collect(Collectors.joining("\n"));
        List<LocalSmsCentre.Sms> texts = sms.received().reversed();
        String textItems = texts.stream()
                .map(text ->
                        "<section style=\"border-top: 1px solid #ccc; padding: .5em 0\"><p>To: +" + escape(text.to())
                                + " &middot; " + text.receivedAt() + "</p><pre style=\"white-space: pre-wrap\">"
                                + escape(text.text()) + "</pre></section>")
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>Demo mailbox</title>
                <meta http-equiv="refresh" content="10"></head>
                <body style="font-family: Arial, sans-serif; max-width: 50em; margin: 1em auto">
                <h1>Mail sent by the demo platform (%d)</h1>
                <p>Every mail the platform sends on this machine lands here; nothing leaves it. Refreshes every 10 s.</p>
                %s
                <h1>Text messages (SMS) sent by the demo platform (%d)</h1>
                %s
                </body></html>
                """.formatted(
                        mails.size(),
                        items.isEmpty() ? "<p>No mail yet.</p>" : items,
                        texts.size(),
                        textItems.isEmpty() ? "<p>No text message yet.</p>" : textItems);
    }

    private static String item(MimeMessage mail) {
        try {
            String to = Arrays.stream(mail.getAllRecipients())
                    .map(Address::toString)
                    .collect(Collectors.joining(", "));
            return "<section style=\"border-top: 1px solid #ccc; padding: .5em 0\"><h2 style=\"font-size: 1.1em\">"
                    + escape(mail.getSubject()) + "</h2><p>To: " + escape(to) + " &middot; "
                    + mail.getSentDate() + "</p><pre style=\"white-space: pre-wrap\">"
                    + escape(String.valueOf(text(mail))) + "</pre></section>";
        } catch (MessagingException | IOException unreadable) {
            return "<section><p>(a mail that cannot be read: " + escape(unreadable.getMessage()) + ")</p></section>";
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = text(body);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        page.stop(0);
        smtp.stop();
    }
}
