package io.eddy.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder for opaque charts: 8-bit RGB, no row filter, deflate at its fastest
 * level. ImageIO's encoder reads the pixels one sample at a time through the raster and tries
 * every row filter; on a 900x600 chart this one is about 5 times faster (loaded machine, warm)
 * for files 10 to 30% larger, and it spares loading the ImageIO plug-in registry. Charts are
 * flat colours with anti-aliased edges, where filters gain little.
 */
final class PngEncoder {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  private PngEncoder() {}

  /** The PNG file of an image; an image that is not {@code TYPE_INT_RGB} is first copied into one. */
  static byte[] encode(BufferedImage image) throws IOException {
    BufferedImage img = image;
    if (img.getType() != BufferedImage.TYPE_INT_RGB) {
      img = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    int w = img.getWidth();
    int h = img.getHeight();
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    DataOutputStream d = new DataOutputStream(out);
    d.write(SIGNATURE);
    ByteArrayOutputStream header = new ByteArrayOutputStream(13);
    DataOutputStream ih = new DataOutputStream(header);
    ih.writeInt(w);
    ih.writeInt(h);
    ih.write(8); // bits per sample
    ih.write(2); // colour type: RGB
    ih.write(0); // deflate
    ih.write(0); // adaptive filtering, type 0 (None) on every row here
    ih.write(0); // no interlace
    chunk(d, "IHDR", header.toByteArray());
    ByteArrayOutputStream z = new ByteArrayOutputStream(64 * 1024);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream dz = new DeflaterOutputStream(z, deflater, 1 << 16)) {
      byte[] row = new byte[1 + 3 * w];
      for (int y = 0; y < h; y++) {
        int o = y * w;
        for (int x = 0, b = 1; x < w; x++, b += 3) {
          int p = px[o + x];
          row[b] = (byte) (p >> 16);
          row[b + 1] = (byte) (p >> 8);
          row[b + 2] = (byte) p;
        }
        dz.write(row);
      }
    } finally {
      deflater.end();
    }
    chunk(d, "IDAT", z.toByteArray());
    chunk(d, "IEND", new byte[0]);
    d.flush();
    return out.toByteArray();
  }

  private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
