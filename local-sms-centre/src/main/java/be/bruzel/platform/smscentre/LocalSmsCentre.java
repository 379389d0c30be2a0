package be.bruzel.platform.smscentre;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMS centre on this machine: a real SMPP 3.4 server that binds a transmitter with the one system id and password
 * it was given, accepts {@code submit_sm} and keeps each message instead of sending it to a phone. The demo
 * ({@code ./run}) shows what it kept; tests read it.
 */
public final class LocalSmsCentre implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSmsCentre.class);
    /** SMPP's data coding for UCS-2 (UTF-16BE); anything else is read as Latin-1, enough for a stand-in. */
    private static final byte UCS2 = 0x08;

    /** One message as the platform submitted it. */
    public record Sms(Instant receivedAt, String from, String to, String text) {}

    private final SMPPServerSessionListener listener;
    private final String systemId;
    private final String password;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final MessageIDGenerator messageIds = new RandomMessageIDGenerator();

    private LocalSmsCentre(SMPPServerSessionListener listener, String systemId, String password) {
        this.listener = listener;
        this.systemId = systemId;
        this.password = password;
    }

    /** Listens on this port (0: any free one) of every address, from now on. */
    public static LocalSmsCentre start(int port, String systemId, String password) {
        try {
            LocalSmsCentre centre = new LocalSmsCentre(new SMPPServerSessionListener(port), systemId, password);
            centre.sessions.execute(centre::acceptSessions);
            return centre;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for SMPP on port " + port, e);
        }
    }

    public int port() {
        return listener.getPort();
    }

    /** What was submitted so far, oldest first. */
    public List<Sms> received() {
        return List.copyOf(received);
    }

    private void acceptSessions() {
        while (!sessions.isShutdown()) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.execute(() -> bind(session));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                log.warn("An SMPP connection failed: {}", e.getMessage());
            }
        }
    }

    private void bind(SMPPServerSession session) {
        session.setMessageReceiverListener(new Receiver());
        try {
            BindRequest bind = session.waitForBind(5_000);
            if (bind.getBindType() == BindType.BIND_RX
                    || !systemId.equals(bind.getSystemId())
                    || !password.equals(bind.getPassword())) {
                // SMPP's ESME_RBINDFAIL: a stand-in refuses what a real centre refuses.
                bind.reject(0x0D);
                return;
            }
            bind.accept(systemId);
        } catch (TimeoutException | IOException | RuntimeException | org.jsmpp.PDUStringException e) {
            log.warn("An SMPP client did not bind: {}", e.getMessage());
            session.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) {
            byte[] body = submit.getShortMessage();
            if (body == null || body.length == 0) {
                OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                body = payload instanceof OptionalParameter.OctetString octets ? octets.getValue() : new byte[0];
            }
            String text = new String(
                    body, submit.getDataCoding() == UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
            received.add(new Sms(Instant.now(), submit.getSourceAddr(), submit.getDestAddress(), text));
            return new SubmitSmResult(messageIds.newMessageId(), new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submit, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replace, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancel, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcast, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        /** SMPP's ESME_RINVCMDID: only submit_sm is what the platform sends. */
        private static ProcessRequestException unsupported() {
            return new ProcessRequestException("Not supported by the local SMS centre", 0x03);
        }
    }

    @Override
    public void close() {
        sessions.shutdownNow();
        try {
            listener.close();
        } catch (IOException e) {
            log.warn("Closing the SMPP listener failed: {}", e.getMessage());
        }
    }
}
