/**
 * The HTTP API on sparkjava (embedded Jetty): one route table ({@link
 * io.vpcflow.digesterd.http.Routes}), one error mapping ({@link
 * io.vpcflow.digesterd.http.ApiErrors}) with JSON {@code {"message"}} bodies and a Content-Type on
 * every answer, including what Jetty refuses itself; one window rule ({@link
 * io.vpcflow.digesterd.http.WindowParams}, over the strictly decoded URL query only); bounded
 * worker bodies; optional bearer-token authentication compared in constant time ({@link
 * io.vpcflow.digesterd.http.BearerAuth}).
 */
package io.vpcflow.digesterd.http;
