package org.gazette.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A command as typed: {@code import [--staff=LOGIN,...] FILE...} or
 * {@code export --format=wxr|jsonl [--article=SLUG] FILE}, plus the application's own
 * properties ({@code --spring.datasource.url=...}: any {@code --name=value} whose name
 * has a dot), which go to Spring untouched. Anything else is refused with a message.
 */
record Invocation(String command, List<Path> files, Optional<ExportFormat> format, Optional<String> article,
        Set<String> staff, boolean help, List<String> properties) {

    static final String USAGE = """
            Usage: java -jar gazette.jar import [--staff=LOGIN,...] FILE...
                   java -jar gazette.jar export --format=wxr|jsonl [--article=SLUG] FILE
            --staff names the WordPress users whose comments carry the Staff badge.
            Both run against the configured database; the application's properties work too,
            e.g. --spring.datasource.url=jdbc:postgresql://db/gazette""";

    static boolean isCommand(String[] args) {
        return args.length > 0 && ("import".equals(args[0]) || "export".equals(args[0]));
    }

    /** Reads the arguments after the command's name; a {@link UsageException} says what is wrong. */
    static Invocation parse(String[] args) {
        String command = args[0];
        List<Path> files = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        ExportFormat format = null;
        String article = null;
        Set<String> staff = new LinkedHashSet<>();
        boolean help = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            }
            else if (arg.equals("--")) {
                for (i++; i < args.length; i++) {
                    files.add(Path.of(args[i]));
                }
            }
            else if (arg.startsWith("--format=") && command.equals("export")) {
                String name = arg.substring("--format=".length());
                format = ExportFormat.named(name)
                    .orElseThrow(() -> new UsageException("unknown format '" + name + "' (wxr or jsonl)"));
            }
            else if (arg.startsWith("--article=") && command.equals("export")) {
                article = arg.substring("--article=".length());
                if (article.isBlank()) {
                    throw new UsageException("--article needs a slug");
                }
            }
            else if (arg.startsWith("--staff=") && command.equals("import")) {
                Arrays.stream(arg.substring("--staff=".length()).split(","))
                    .map(String::strip)
                    .filter((login) -> !login.isEmpty())
                    .forEach(staff::add);
            }
            else if (arg.startsWith("--") && isProperty(arg.substring(2))) {
                properties.add(arg);
            }
            else if (arg.startsWith("-")) {
                throw new UsageException("unknown option " + optionName(arg));
            }
            else {
                files.add(Path.of(arg));
            }
        }
        if (!help) {
            if (files.isEmpty()) {
                throw new UsageException(command.equals("import") ? "name at least one file to import"
                        : "name the file to export to");
            }
            if (command.equals("export")) {
                if (files.size() > 1) {
                    throw new UsageException("export writes one file; " + files.size() + " were named");
                }
                if (format == null) {
                    throw new UsageException("export needs --format=wxr or --format=jsonl");
                }
            }
        }
        return new Invocation(command, List.copyOf(files), Optional.ofNullable(format), Optional.ofNullable(article),
                Set.copyOf(staff), help, List.copyOf(properties));
    }

    /** An application property: {@code name=value} with a dot in the name. */
    private static boolean isProperty(String option) {
        int equals = option.indexOf('=');
        String name = (equals > 0) ? option.substring(0, equals) : option;
        return equals > 0 && name.indexOf('.') > 0 && !name.endsWith(".");
    }

    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return (equals > 0) ? arg.substring(0, equals) : arg;
    }

    /** Arguments that do not make a command. */
    static class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }

    }

}
