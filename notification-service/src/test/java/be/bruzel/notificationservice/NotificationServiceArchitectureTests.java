package be.bruzel.notificationservice;

import be.bruzel.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class NotificationServiceArchitectureTests {

    @Test
    void packagesByFeatureKeepTheirRules() {
        ServiceArchitecture.check("be.bruzel.notificationservice");
    }
}
