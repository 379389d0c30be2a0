package be.bruzel.referralservice;

import be.bruzel.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ReferralServiceArchitectureTests {

    @Test
    void packagesByFeatureKeepTheirRules() {
        ServiceArchitecture.check("be.bruzel.referralservice");
    }
}
