package be.bruzel.referralservice.personvoice;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settings, and the SMS provider when one is configured: without it persons reachable only by phone are not asked. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonVoiceSettings.class)
class SmsConfiguration {

    @Bean
    @ConditionalOnExpression("!'${platform.person-voice.sms.host:}'.isBlank()")
    SmsProvider smppSmsProvider(PersonVoiceSettings settings) {
        return new SmppSmsProvider(settings.sms());
    }
}
