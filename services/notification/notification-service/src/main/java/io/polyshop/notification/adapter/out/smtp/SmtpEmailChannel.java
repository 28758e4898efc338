package io.polyshop.notification.adapter.out.smtp;

import io.polyshop.notification.application.port.out.DeliveryFailedException;
import io.polyshop.notification.application.port.out.NotificationChannel;
import io.polyshop.notification.domain.Channel;
import io.polyshop.notification.domain.NotificationId;
import io.polyshop.notification.domain.Recipient;
import io.polyshop.notification.domain.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail through the configured SMTP server: one HTML message per delivery, from the shop's address. */
public class SmtpEmailChannel implements NotificationChannel {

    /** Carries the notification's id, the same on every attempt, so a repeat can be recognised. */
    public static final String NOTIFICATION_HEADER = "X-Polyshop-Notification-Id";

    private final JavaMailSender mail;
    private final String from;

    public SmtpEmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String addressOf(Recipient recipient) {
        return recipient.email();
    }

    @Override
    public String send(NotificationId id, RenderedMessage message) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.body(), true);
            mime.setHeader(NOTIFICATION_HEADER, id.toString());
            // The same Message-ID on every attempt: a copy handed over twice (SMTP hands over at least
            // once; a crash between its acceptance and our record sends again) is one message to the reader.
            mime.setHeader("Message-ID", "<" + id + "@notification.polyshop>");
            mail.send(mime);
            return mime.getMessageID();
        } catch (MailException | MessagingException refused) {
            throw new DeliveryFailedException("SMTP did not accept the message: " + refused.getMessage(), refused);
        }
    }
}
