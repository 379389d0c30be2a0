package be.bruzel.referralservice.personvoice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * Text messages over SMPP 3.4 (jsmpp): a transmitter bind per batch of sends would do, but persons are asked a few at a
 * time, so each message binds, submits and unbinds. UCS-2, so French and Dutch accents arrive as written; a text longer
 * than one message goes in {@code message_payload}, which the centre splits.
 */
class SmppSmsProvider implements SmsProvider {

    /** What one UCS-2 short message holds, in bytes. */
    private static final int SHORT_MESSAGE = 140;

    private static final long TIMEOUT_MILLIS = 10_000;

    private final PersonVoiceSettings.Smpp settings;

    SmppSmsProvider(PersonVoiceSettings.Smpp settings) {
        this.settings = settings;
    }

    @Override
    public void send(String number, String text) throws SmsNotSent {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(TIMEOUT_MILLIS);
        try {
            session.connectAndBind(
                    settings.host(),
                    settings.port(),
                    new BindParameter(
                            BindType.BIND_TX,
                            settings.systemId(),
                            settings.password(),
                            "",
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    TIMEOUT_MILLIS);
            byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
            boolean oneMessage = body.length <= SHORT_MESSAGE;
            session.submitShortMessage(
                    "",
                    TypeOfNumber.ALPHANUMERIC,
                    NumberingPlanIndicator.UNKNOWN,
                    settings.sender(),
                    TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN,
                    number,
                    new ESMClass(),
                    (byte) 0,
                    (byte) 1,
                    null,
                    null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT),
                    (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                    (byte) 0,
                    oneMessage ? body : new byte[0],
                    oneMessage
                            ? new OptionalParameter[0]
                            : new OptionalParameter[] {
                                new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), body)
                            });
        } catch (IOException
                | PDUException
                | ResponseTimeoutException
                | InvalidResponseException
                | NegativeResponseException failed) {
            throw new SmsNotSent(failed.getClass().getSimpleName(), failed);
        } finally {
            session.unbindAndClose();
        }
    }
}
