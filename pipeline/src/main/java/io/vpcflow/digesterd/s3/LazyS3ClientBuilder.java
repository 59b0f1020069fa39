package io.vpcflow.digesterd.s3;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * An {@link S3ClientBuilder} that makes the builder it stands for only when first used. Beam makes
 * a builder for every S3 filesystem scheme when a pipeline starts, also for runs that never reach
 * S3; making one costs a few hundred milliseconds of class loading on a cold JVM.
 *
 * <p>Every call is forwarded to the real builder (made once, on the first call); calls that return
 * the real builder itself return this stand-in instead, so chained calls keep going through it.
 */
final class LazyS3ClientBuilder implements InvocationHandler {
  private final Supplier<S3ClientBuilder> maker;
  private S3ClientBuilder real;

  private LazyS3ClientBuilder(Supplier<S3ClientBuilder> maker) {
    this.maker = maker;
  }

  /** A builder that calls {@code maker} the first time it is used. */
  static S3ClientBuilder of(Supplier<S3ClientBuilder> maker) {
    return (S3ClientBuilder)
        Proxy.newProxyInstance(
            S3ClientBuilder.class.getClassLoader(),
            new Class<?>[] {S3ClientBuilder.class},
            new LazyS3ClientBuilder(maker));
  }

  private synchronized S3ClientBuilder real() {
    if (real == null) {
      real = maker.get();
    }
    return real;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "lazy S3ClientBuilder";
      };
    }
    S3ClientBuilder target = real();
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return result == target ? proxy : result;
  }
}
