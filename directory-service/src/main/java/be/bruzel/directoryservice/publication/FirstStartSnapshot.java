package be.bruzel.directoryservice.publication;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start of a directory, its whole state goes on the topics before anything else changes it. */
@Component
@Order(0)
class FirstStartSnapshot implements ApplicationRunner {

    private final DirectorySnapshot snapshot;

    FirstStartSnapshot(DirectorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public void run(ApplicationArguments args) {
        snapshot.publishIfNeverPublished();
    }
}
