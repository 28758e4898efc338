package io.polyshop.platform.engines;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) that accepts mail for any address and keeps it in memory, so that
 * people and tests can read what the shop sent. Nothing leaves the machine.
 */
public final class SmtpEngine implements Engine {

    /** One accepted message as its recipient would see it. */
    public record ReceivedMail(
            String messageId, String from, List<String> to, String subject, String body, Instant receivedAt) {}

    private final GreenMail server;
    private final int port;

    private SmtpEngine(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    public static SmtpEngine start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, LoopbackPorts.HOST, ServerSetup.PROTOCOL_SMTP));
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new EngineStartException("SMTP server did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new SmtpEngine(server, port);
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "smtp://" + LoopbackPorts.HOST + ":" + port;
    }

    /** Every message accepted since the server started, oldest first. */
    public List<ReceivedMail> received() {
        return Arrays.stream(server.getReceivedMessages()).map(SmtpEngine::read).toList();
    }

    /** How many accepted messages went to an address containing {@code fragment}; cheap enough to poll. */
    public long countTo(String fragment) {
        long count = 0;
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                if (to != null
                        && Arrays.stream(to)
                                .anyMatch(address -> address.toString().contains(fragment))) {
                    count++;
                }
            } catch (MessagingException unreadable) {
                throw new IllegalStateException(
                        "An accepted message cannot be read: " + unreadable.getMessage(), unreadable);
            }
        }
        return count;
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            Address[] to = message.getAllRecipients();
            return new ReceivedMail(
                    message.getMessageID(),
                    from == null || from.length == 0 ? "" : from[0].toString(),
                    to == null
                            ? List.of()
                            : Arrays.stream(to).map(Address::toString).toList(),
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    text(message.getContent()),
                    Optional.ofNullable(message.getSentDate())
                            .map(Date::toInstant)
                            .orElse(Instant.EPOCH));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("An accepted message cannot be read: " + e.getMessage(), e);
        }
    }

    /** The decoded text of a message's content; the text parts joined when it has several. */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(text(parts.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return content instanceof String string ? string : "";
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
