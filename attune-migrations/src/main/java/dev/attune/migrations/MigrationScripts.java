package dev.attune.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration scripts shipped on the classpath, in version order: the same files Flyway applies, read as plain SQL so
 * that they can be replayed (test schemas) or inspected (schema-qualifier checks).
 */
public final class MigrationScripts {

    /** Classpath folder holding {@code V<version>__<description>.sql}. */
    public static final String CLASSPATH_FOLDER = "db/attune";

    private static final Pattern FILE_NAME = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(\\w+)\\.sql");

    private MigrationScripts() {
    }

    /** One versioned script. */
    public record Script(String version, String description, String fileName, String sql) {
    }

    /** {@return every script, ordered by version} */
    public static List<Script> load() {
        ClassLoader loader = MigrationScripts.class.getClassLoader();
        URL folder = loader.getResource(CLASSPATH_FOLDER);
        if (folder == null) {
            throw new MigrationException("no migrations on the classpath at " + CLASSPATH_FOLDER, null);
        }
        List<Script> scripts = new ArrayList<>();
        for (String fileName : listFileNames(folder)) {
            Matcher matcher = FILE_NAME.matcher(fileName);
            if (!matcher.matches()) {
                continue;
            }
            String sql = read(loader, CLASSPATH_FOLDER + "/" + fileName);
            scripts.add(new Script(matcher.group(1).replace('_', '.'), matcher.group(2).replace('_', ' '), fileName, sql));
        }
        scripts.sort(Comparator.comparing(Script::version, MigrationScripts::compareVersions));
        return List.copyOf(scripts);
    }

    static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            BigInteger x = i < a.length ? new BigInteger(a[i]) : BigInteger.ZERO;
            BigInteger y = i < b.length ? new BigInteger(b[i]) : BigInteger.ZERO;
            int order = x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static List<String> listFileNames(URL folder) {
        try {
            if (folder.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    return files.map(path -> path.getFileName().toString()).toList();
                }
            }
            if (folder.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = CLASSPATH_FOLDER + "/";
                    return jar.stream()
                            .map(entry -> entry.getName())
                            .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                            .map(name -> name.substring(prefix.length()))
                            .toList();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations in " + folder, e);
        }
        throw new MigrationException("cannot list migrations from a " + folder.getProtocol() + " URL: " + folder, null);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationException("migration " + resource + " disappeared from the classpath", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + resource, e);
        }
    }
}
