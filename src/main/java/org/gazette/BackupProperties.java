package org.gazette;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.backup.*} properties.
 *
 * @param directory where {@code POST /actuator/backup} writes the embedded H2
 * database's backups
 */
@ConfigurationProperties("gazette.backup")
public record BackupProperties(@DefaultValue("./backups") Path directory) {

}
