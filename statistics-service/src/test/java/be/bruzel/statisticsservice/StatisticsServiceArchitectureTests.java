package be.bruzel.statisticsservice;

import be.bruzel.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class StatisticsServiceArchitectureTests {

    @Test
    void packagesByFeatureKeepTheirRules() {
        ServiceArchitecture.check("be.bruzel.statisticsservice");
    }
}
