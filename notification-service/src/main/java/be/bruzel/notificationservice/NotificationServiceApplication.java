package be.bruzel.notificationservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotificationServiceApplication {

    /**
     * Jakarta Mail looks up its stream provider anew for every message and part it makes. Unnamed, that is
     * a ServiceLoader scan of every jar (jakartaee/mail-api#699, #861): 27 % of the e-mail sender's
     * samples under load (JFR). Named, it is one loaded class.
     */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    public static void main(String[] args) {
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
