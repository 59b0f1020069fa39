/**
 * Where AWS writes flow-log objects: the plain, hourly and Hive-compatible key layouts, the object
 * file-name rule and the choice of the objects whose records can fall into a window. Pure Java:
 * listing goes through the small {@link io.vpcflow.digesterd.layout.ObjectListing} interface,
 * implemented on S3 and on local directories elsewhere.
 */
package io.vpcflow.digesterd.layout;
