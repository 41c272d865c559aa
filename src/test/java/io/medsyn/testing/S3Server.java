package io.medsyn.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3-compatible server on 127.0.0.1: s3proxy over jclouds' in-memory ("transient") store, with one fresh
 * bucket. Clients sign requests with {@link #ACCESS_KEY}/{@link #SECRET_KEY}, which exist only in this server.
 */
public final class S3Server implements AutoCloseable {
  public static final String ACCESS_KEY = "medsyn-test-access";
  public static final String SECRET_KEY = "medsyn-test-secret";
  public static final String REGION = "us-east-1";

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final String bucket;

  private S3Server(BlobStoreContext context, S3Proxy proxy, String bucket) {
    this.context = context;
    this.proxy = proxy;
    this.bucket = bucket;
  }

  /** Starts the server with an empty bucket whose name is new, so no cached S3A client of an earlier one applies. */
  public static S3Server start() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.regions", REGION);
    BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("local", "local")
        .overrides(properties).build(BlobStoreContext.class);
    String bucket = "medsyn-" + UUID.randomUUID().toString().substring(0, 8);
    context.getBlobStore().createContainerInLocation(null, bucket);
    S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        context.close();
        throw new IllegalStateException("s3proxy did not start within 30 s (state " + proxy.getState() + ")");
      }
      Thread.sleep(20);
    }
    return new S3Server(context, proxy, bucket);
  }

  public String bucket() {
    return bucket;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** {@code s3a://BUCKET/path}. */
  public String uri(String path) {
    return "s3a://" + bucket + "/" + path;
  }

  /**
   * The S3A settings that reach this server, scoped to its bucket ({@code fs.s3a.bucket.NAME.*}) so that other
   * buckets keep the defaults. Credentials are not among them: callers choose the provider under test.
   */
  public Map<String, String> s3aSettings() {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(prefix + "endpoint", endpoint());
    settings.put(prefix + "endpoint.region", REGION);
    settings.put(prefix + "path.style.access", "true");
    settings.put(prefix + "connection.ssl.enabled", "false");
    return settings;
  }

  /** Points a Hadoop configuration at this server with the keys as Spark conf spark.hadoop.fs.s3a.* gives them. */
  public void configure(Configuration hadoop) {
    s3aSettings().forEach(hadoop::set);
    String prefix = "fs.s3a.bucket." + bucket + ".";
    hadoop.set(prefix + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    hadoop.set(prefix + "access.key", ACCESS_KEY);
    hadoop.set(prefix + "secret.key", SECRET_KEY);
  }

  /** The keys of the objects stored under {@code prefix}, as the server holds them. */
  public List<String> keys(String prefix) {
    BlobStore store = context.getBlobStore();
    return StreamSupport.stream(store.list(bucket, ListContainerOptions.Builder.prefix(prefix).recursive())
            .spliterator(), false)
        .map(StorageMetadata::getName).sorted().toList();
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
