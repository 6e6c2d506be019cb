package dev.plugboard.host.internal.http;

import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a call's credential headers, where it is decided, hop by hop: as a network
 * interceptor it sees every request actually sent, redirects included, and attaches the
 * headers only when {@link AllowedHosts} permits that request's scheme, host and port. Requests
 * are built without credentials, so a redirect to another host can never carry them.
 */
final class CredentialInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialInterceptor.class);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Credentials credentials = request.tag(Credentials.class);
    if (credentials == null) {
      return chain.proceed(request);
    }
    HttpUrl url = request.url();
    Optional<String> refusal = credentials.allowedHosts().refusal(url.scheme(), url.host(), url.port());
    if (refusal.isPresent()) {
      LOG.debug("credentials withheld from {} {}: {}", request.method(), url.host(), refusal.get());
      return chain.proceed(request);
    }
    Request.Builder withCredentials = request.newBuilder();
    credentials.headers().forEach(withCredentials::header);
    return chain.proceed(withCredentials.build());
  }
}
