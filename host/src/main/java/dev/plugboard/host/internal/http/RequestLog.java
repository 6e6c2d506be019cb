package dev.plugboard.host.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every request sent (redirects too) at debug: method, host, path, status, time; never a header or a body. */
final class RequestLog implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    HttpUrl url = request.url();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      LOG.debug("{} {} {} -> {} in {} ms", request.method(), ApiSession.hostOf(url), url.encodedPath(), response.code(),
          (System.nanoTime() - start) / 1_000_000);
      return response;
    } catch (IOException e) {
      LOG.debug("{} {} {} -> failed ({}) after {} ms", request.method(), ApiSession.hostOf(url), url.encodedPath(),
          e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
      throw e;
    }
  }
}
