package dev.konnectplugins;

/**
 * No usable answer came back: the connection failed, was reset, the response was cut short, or a timeout fired
 * (see {@link KonnectTimeoutException}).
 */
public class KonnectTransportException extends KonnectException {
    private static final long serialVersionUID = 1L;

    public KonnectTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
