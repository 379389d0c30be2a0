package be.bruzel.notificationservice.email;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The e-mail sender and the daily digest run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
@EnableScheduling
class EmailConfiguration {}
