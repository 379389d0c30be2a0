package be.bruzel.directoryservice;

import be.bruzel.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class DirectoryServiceArchitectureTests {

    @Test
    void packagesByFeatureKeepTheirRules() {
        ServiceArchitecture.check("be.bruzel.directoryservice");
    }
}
