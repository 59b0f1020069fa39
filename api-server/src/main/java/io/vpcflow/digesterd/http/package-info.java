/**
 * The HTTP API on sparkjava (embedded Jetty): one route table ({@link
 * io.vpcflow.digesterd.http.Routes}), one error mapping ({@link io.vpcflow.digesterd.http.ApiErrors})
 * with JSON {@code {"message"}} bodies, and a Content-Type on every answer.
 */
package io.vpcflow.digesterd.http;
