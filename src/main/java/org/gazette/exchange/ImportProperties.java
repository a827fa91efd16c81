package org.gazette.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The desk's import upload.
 *
 * @param maxUploadBytes the largest file the desk takes; it is written to a temporary
 * file as it arrives, so this bounds the disk it uses, not the memory
 */
@ConfigurationProperties("gazette.import")
public record ImportProperties(@DefaultValue("512MB") DataSize maxUploadBytes) {

}
