package org.lexgate.xsd;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Serves the schema imports of lexgate's files from the classpath, by file name. Anything else
 * (another file, a URL, a DTD) is not resolved here and therefore meets the factory's
 * "no external access" setting: it fails instead of reaching the network.
 */
final class ClasspathSchemaResolver implements LSResourceResolver {

  @Override
  public LSInput resolveResource(
      String type, String namespaceUri, String publicId, String systemId, String baseUri) {
    if (systemId == null || systemId.contains(":") || systemId.contains("/")) {
      return null; // only bare file names next to the importing schema
    }
    if (!Hi1Schemas.SCHEMA_FILES.contains(systemId)) {
      return null;
    }
    URL url = Hi1Schemas.resource(Hi1Schemas.RESOURCE_DIR + systemId);
    return new Input(url, publicId);
  }

  /** A schema document opened lazily from its classpath URL. */
  private static final class Input implements LSInput {
    private final URL url;
    private String publicId;

    Input(URL url, String publicId) {
      this.url = url;
      this.publicId = publicId;
    }

    @Override
    public InputStream getByteStream() {
      try {
        return url.openStream();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public String getSystemId() {
      return url.toExternalForm();
    }

    @Override
    public String getPublicId() {
      return publicId;
    }

    @Override
    public void setPublicId(String publicId) {
      this.publicId = publicId;
    }

    @Override
    public Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(Reader characterStream) {}

    @Override
    public void setByteStream(InputStream byteStream) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String stringData) {}

    @Override
    public void setSystemId(String systemId) {}

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public void setBaseURI(String baseUri) {}

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String encoding) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean certifiedText) {}
  }
}
