package org.gazette.hardening;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The site {@code deploy/cluster.sh} runs on this machine: a PostgreSQL server of its own,
 * Gazette nodes (the packaged jar) and nginx in front of them, each a separate process,
 * in a run directory of their own. Nodes are stopped, killed and started again through the
 * script, as an operator would; closing stops everything.
 */
final class LocalCluster implements AutoCloseable {

    private static final Path SCRIPT = Path.of("deploy", "cluster.sh");

    private final Path runDirectory;

    private final int proxyPort;

    private final int databasePort;

    private final Map<String, String> environment;

    private LocalCluster(Path runDirectory, int proxyPort, int databasePort, Map<String, String> environment) {
        this.runDirectory = runDirectory;
        this.proxyPort = proxyPort;
        this.databasePort = databasePort;
        this.environment = environment;
    }

    /**
     * What this machine lacks to run the cluster (nginx, PostgreSQL's server programs,
     * bash, curl, Linux), or empty when it has everything.
     */
    static Optional<String> missingPrograms() {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("deploy/cluster.sh runs on Linux only");
        }
        List<String> missing = new ArrayList<>();
        if (onPath("nginx").isEmpty() && !Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            missing.add("nginx (Debian's nginx-light)");
        }
        if (!hasPostgresServer()) {
            missing.add("PostgreSQL's server programs (Debian's postgresql)");
        }
        for (String program : List.of("bash", "curl")) {
            if (onPath(program).isEmpty()) {
                missing.add(program);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + String.join(", ", missing));
    }

    /**
     * Starts PostgreSQL, the nodes and nginx on free ports, with the environment given to
     * every node (settings as environment variables), and waits until all are ready.
     */
    static LocalCluster start(Path runDirectory, int nodes, Map<String, String> environment)
            throws IOException, InterruptedException {
        // When the build runs as root, PostgreSQL and nginx's workers run as an unprivileged
        // user, which must be able to reach the run directory.
        Files.setPosixFilePermissions(runDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalCluster cluster = new LocalCluster(runDirectory, freePortRange(nodes + 1), freePortRange(1),
                environment);
        cluster.run(Duration.ofMinutes(5), "start", "--nodes", Integer.toString(nodes), "--port",
                Integer.toString(cluster.proxyPort), "--pg-port", Integer.toString(cluster.databasePort),
                "--no-build");
        return cluster;
    }

    /** A URI on the proxy, as readers reach the site. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.proxyPort + path);
    }

    int proxyPort() {
        return this.proxyPort;
    }

    /** SIGTERM to node K and a wait until it has stopped: the graceful stop of a rolling upgrade. */
    void stopNode(int node) throws IOException, InterruptedException {
        run(Duration.ofMinutes(2), "stop-node", Integer.toString(node));
    }

    /** SIGKILL to node K, as a crash. */
    void killNode(int node) throws IOException, InterruptedException {
        run(Duration.ofMinutes(1), "stop-node", Integer.toString(node), "--kill");
    }

    /** Starts node K again and waits until it is ready. */
    void startNode(int node) throws IOException, InterruptedException {
        run(Duration.ofMinutes(3), "start-node", Integer.toString(node));
    }

    /** A connection to the cluster's database, as the nodes' own user. */
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.databasePort + "/gazette", "gazette",
                secret("DB_PASSWORD"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(Duration.ofMinutes(3), "stop");
    }

    /** The script's output so far, for failure messages. */
    String log() {
        try {
            Path log = this.runDirectory.resolve("cluster.log");
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String secret(String name) {
        try (Stream<String> lines = Files.lines(this.runDirectory.resolve("secrets.env"))) {
            return lines.filter((line) -> line.startsWith(name + "="))
                .map((line) -> line.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + name + " in secrets.env"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--run-dir", this.runDirectory.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(this.runDirectory.resolve("cluster.log").toFile()));
        builder.environment().putAll(this.environment);
        // The nodes run on the JVM that runs the tests.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("deploy/cluster.sh " + String.join(" ", arguments) + " took more than "
                    + timeout + ":\n" + log());
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("deploy/cluster.sh " + String.join(" ", arguments) + " failed:\n" + log());
        }
    }

    private static boolean hasPostgresServer() {
        Optional<Path> pgCtl = onPath("pg_ctl").map(LocalCluster::realPath);
        if (pgCtl.isPresent() && Files.isExecutable(pgCtl.get().resolveSibling("initdb"))
                && Files.isExecutable(pgCtl.get().resolveSibling("postgres"))) {
            return true;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.anyMatch((version) -> Files.isExecutable(version.resolve("bin/postgres"))
                    && Files.isExecutable(version.resolve("bin/initdb")));
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .filter((directory) -> !directory.isEmpty())
            .map((directory) -> Path.of(directory, program))
            .filter(Files::isExecutable)
            .findFirst();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        }
        catch (IOException ex) {
            return path;
        }
    }

    /** The first of {@code count} consecutive free ports on the loopback interface. */
    private static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                first = socket.getLocalPort();
            }
            if (first + count <= 65535 && allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports found");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            }
            catch (IOException ex) {
                return false;
            }
        }
        return true;
    }

}
