package be.bruzel.directoryservice.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Whether the demo social map is still to be loaded: once, however many instances start at once. */
@Repository
class DemoLoads {

    private final JdbcClient jdbc;

    DemoLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the other instances until this transaction ends, then tells whether the directory has no organisation. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean directoryIsEmpty() {
        jdbc.sql("LOCK TABLE organisation IN EXCLUSIVE MODE").update();
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single() == 0;
    }
}
