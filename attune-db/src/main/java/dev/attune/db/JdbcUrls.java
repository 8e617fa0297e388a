package dev.attune.db;

/** JDBC URLs as they may be printed: in the library's messages and logs, and in a user's. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * {@code url} with the value of a {@code password} parameter replaced by {@code ****}, for messages and logs.
     *
     * @param url a JDBC URL or null
     * @return the printable URL, or null
     */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
