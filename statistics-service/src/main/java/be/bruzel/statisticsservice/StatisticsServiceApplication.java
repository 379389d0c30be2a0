package be.bruzel.statisticsservice;

import be.bruzel.platform.directorycopy.DirectoryCopyConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Names and connected organisations come from its own copy of the directory. */
@SpringBootApplication
@Import(DirectoryCopyConfiguration.class)
public class StatisticsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatisticsServiceApplication.class, args);
    }
}
