import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The build's check of the job jar's notices (run by the flink module at verify): the jar
 * carries META-INF/NOTICE and META-INF/LICENSE; the NOTICE starts with Eddy's notice, lists the
 * bundled artifacts, names the group of every one of them under a licence, and includes the
 * bundled NOTICE files of Flink and Kafka; and every bundled artifact's own notice files are
 * kept under META-INF/bundled/.
 *
 * <pre>java flink/src/assembly/NoticeCheck.java flink/target/eddy-flink-job.jar</pre>
 */
public class NoticeCheck {

  public static void main(String[] args) throws IOException {
    List<String> problems = new ArrayList<>();
    try (ZipFile jar = new ZipFile(args[0])) {
      String notice = read(jar, "META-INF/NOTICE");
      if (notice == null || jar.getEntry("META-INF/LICENSE") == null) {
        throw new IllegalStateException(args[0] + " has no META-INF/NOTICE or META-INF/LICENSE");
      }
      if (!notice.startsWith("Eddy")) {
        problems.add("the NOTICE does not start with Eddy's notice");
      }
      int listStart = notice.indexOf("Bundled artifacts");
      String summary = notice.substring(0, Math.max(0, listStart));
      // group:artifact:type:version:scope lines of the list
      Matcher m = Pattern.compile("(?m)^\\s+([\\w.\\-]+):([\\w.\\-]+):jar:[^:\\s]+:(compile|runtime|provided)")
          .matcher(notice.substring(Math.max(0, listStart)));
      TreeSet<String> groups = new TreeSet<>();
      int artifacts = 0;
      while (m.find()) {
        artifacts++;
        groups.add(m.group(1));
        boolean kept = jar.stream().anyMatch(e -> e.getName().startsWith("META-INF/bundled/" + m.group(2) + "-"));
        boolean hasNotices = kept || jar.stream().noneMatch(e -> e.getName().startsWith("META-INF/bundled/"));
        if (!hasNotices) {
          problems.add("no notices kept for " + m.group(1) + ":" + m.group(2));
        }
      }
      if (artifacts < 20) {
        problems.add("the NOTICE lists " + artifacts + " bundled artifacts, expected Flink's, Kafka's and Eddy's");
      }
      for (String g : groups) {
        if (!Pattern.compile("(?m)^\\s+" + Pattern.quote(g) + "\\s").matcher(summary).find()) {
          problems.add("bundled group " + g + " is not named under a licence in the NOTICE's summary");
        }
      }
      for (String bundled : new String[] {"org.apache.flink:flink-core:", "org.apache.flink:flink-connector-kafka:",
          "org.apache.kafka:kafka-clients:", "io.eddy:eddy-core:"}) {
        if (!notice.contains(bundled)) {
          problems.add("the NOTICE does not list " + bundled);
        }
      }
      for (String text : new String[] {"Apache Flink", "The Apache Software Foundation"}) {
        if (!notice.substring(Math.max(0, listStart)).contains(text)) {
          problems.add("the bundled NOTICE files (" + text + ") are not in the NOTICE");
        }
      }
    }
    if (!problems.isEmpty()) {
      System.err.println("job jar notice check failed:\n  " + String.join("\n  ", problems));
      System.exit(1);
    }
    System.out.println("job jar notice check: ok");
  }

  private static String read(ZipFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry(name);
    if (e == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
