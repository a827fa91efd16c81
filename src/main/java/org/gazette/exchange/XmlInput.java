package org.gazette.exchange;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A hardened, streaming reader of an export file: no DTD, so no entity of any kind
 * (external entities and "billion laughs" alike; a file with a {@code DOCTYPE} is
 * refused), and no element's text longer than the cap its caller gives. Every problem
 * becomes an {@link ImportRefusedException} naming the line and the element.
 */
final class XmlInput implements AutoCloseable {

    /** The cap on the text of elements whose content is not kept. */
    static final int SKIPPED_TEXT_CAP = 16 * 1024 * 1024;

    private final String file;

    private final XMLStreamReader reader;

    XmlInput(String file, InputStream in) {
        this.file = file;
        try {
            this.reader = factory().createXMLStreamReader(in);
        }
        catch (XMLStreamException ex) {
            throw refused(ex);
        }
    }

    /** The name of the file being read, as messages give it. */
    String file() {
        return this.file;
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Moves to the next start or end of an element, refusing a DTD or an entity reference. */
    int nextTag() {
        try {
            while (this.reader.hasNext()) {
                int event = this.reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT,
                            XMLStreamConstants.END_DOCUMENT -> {
                        return event;
                    }
                    case XMLStreamConstants.DTD -> throw refusedHere(null,
                            "a DOCTYPE is not accepted (document type definitions and entities are refused)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refusedHere(null,
                            "entity references are not accepted: &" + this.reader.getLocalName() + ";");
                    default -> {
                    }
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        }
        catch (XMLStreamException ex) {
            throw refused(ex);
        }
    }

    /**
     * Reads the text of the current element up to its end, at most {@code cap}
     * characters; a child element is refused.
     */
    String text(int cap) {
        String element = name();
        int line = line();
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                int event = this.reader.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        text.append(this.reader.getTextCharacters(), this.reader.getTextStart(),
                                this.reader.getTextLength());
                        if (text.length() > cap) {
                            throw new ImportRefusedException(this.file, line, element,
                                    "longer than the " + cap + " characters accepted");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString();
                    }
                    case XMLStreamConstants.START_ELEMENT -> throw refusedHere(element,
                            "an element inside it (<" + name() + ">) where only text is expected");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refusedHere(element,
                            "entity references are not accepted: &" + this.reader.getLocalName() + ";");
                    case XMLStreamConstants.DTD -> throw refusedHere(element, "a DOCTYPE is not accepted");
                    case XMLStreamConstants.END_DOCUMENT -> throw refusedHere(element, "the file ends inside it");
                    default -> {
                    }
                }
            }
        }
        catch (XMLStreamException ex) {
            throw refused(ex);
        }
    }

    /** Skips the current element and everything in it, keeping none of its text. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int event = nextTag();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            else {
                throw refusedHere(null, "the file ends before the elements opened are closed");
            }
        }
    }

    String localName() {
        return this.reader.getLocalName();
    }

    String namespace() {
        String uri = this.reader.getNamespaceURI();
        return (uri != null) ? uri : "";
    }

    /** The element's name as written, with its prefix. */
    String name() {
        QName name = this.reader.getName();
        String prefix = name.getPrefix();
        return (prefix == null || prefix.isEmpty()) ? name.getLocalPart() : prefix + ":" + name.getLocalPart();
    }

    /** The namespaces the current start element declares (prefix, URI), for format detection. */
    int namespaceCount() {
        return this.reader.getNamespaceCount();
    }

    String namespaceUri(int index) {
        return this.reader.getNamespaceURI(index);
    }

    String attribute(String namespace, String localName) {
        return this.reader.getAttributeValue(namespace, localName);
    }

    int line() {
        return this.reader.getLocation().getLineNumber();
    }

    ImportRefusedException refusedHere(String element, String reason) {
        return new ImportRefusedException(this.file, line(), element, reason);
    }

    ImportRefusedException refusedAt(int line, String element, String reason) {
        return new ImportRefusedException(this.file, line, element, reason);
    }

    private ImportRefusedException refused(XMLStreamException ex) {
        int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 0;
        String message = ex.getMessage();
        int detail = (message != null) ? message.indexOf("Message: ") : -1;
        String reason = (detail >= 0) ? message.substring(detail + "Message: ".length()) : message;
        return new ImportRefusedException(this.file, line, null, "not well-formed XML: " + reason);
    }

    @Override
    public void close() {
        try {
            this.reader.close();
        }
        catch (XMLStreamException ex) {
            // nothing more is read
        }
    }

}
