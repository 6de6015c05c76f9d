// @peculiar/x509 2.x requires a Reflect metadata polyfill before it is imported.
import "reflect-metadata";
