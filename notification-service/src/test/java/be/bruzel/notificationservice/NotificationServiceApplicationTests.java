package be.bruzel.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class NotificationServiceApplicationTests {

    @Test
    void theNamedMailStreamProviderIsTheOneJakartaMailWouldFind() throws ClassNotFoundException {
        // A renamed class after an upgrade would make every e-mail fail to build, not only be slower.
        assertThat(StreamProvider.class.isAssignableFrom(
                        Class.forName(NotificationServiceApplication.ANGUS_STREAM_PROVIDER)))
                .isTrue();
        assertThat(StreamProvider.provider().getClass().getName())
                .isEqualTo(NotificationServiceApplication.ANGUS_STREAM_PROVIDER);
        assertThat(NotificationServiceApplication.MAIL_STREAM_PROVIDER).isEqualTo(StreamProvider.class.getName());
    }
}
