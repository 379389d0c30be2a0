package be.bruzel.notificationservice.email;

/** Where an owed e-mail stands; the {@code status} column of {@code email}, written only by {@link Emails}. */
enum EmailStatus {
    /** To send once its burst window is over, or when its next attempt is due. */
    PENDING,
    /** Waits for its recipient's daily digest. */
    DIGEST,
    SENT,
    /** A round of attempts failed; tried again every {@code retry-failed-after}, never dropped. */
    FAILED
}
