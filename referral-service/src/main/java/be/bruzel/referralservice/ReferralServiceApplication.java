package be.bruzel.referralservice;

import be.bruzel.platform.directorycopy.DirectoryCopyConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Routes from its own copy of the directory, so a referral is made even while directory-service is down. */
@SpringBootApplication
@Import(DirectoryCopyConfiguration.class)
public class ReferralServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralServiceApplication.class, args);
    }
}
