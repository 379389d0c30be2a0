package be.bruzel.platform.directorycopy;

import be.bruzel.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class DirectoryCopyArchitectureTests {

    @Test
    void theCopyKeepsTheRulesOfTheServicesThatImportIt() {
        ServiceArchitecture.check("be.bruzel.platform.directorycopy");
    }
}
