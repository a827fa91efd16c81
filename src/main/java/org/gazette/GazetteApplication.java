package org.gazette;

import java.util.ServiceLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GazetteApplication {

    /** Starts the web application, or runs a command ({@code import}, {@code export}) and exits. */
    public static void main(String[] args) {
        for (Command command : ServiceLoader.load(Command.class)) {
            if (command.handles(args)) {
                System.exit(command.run(GazetteApplication.class, args));
            }
        }
        SpringApplication.run(GazetteApplication.class, args);
    }

}
