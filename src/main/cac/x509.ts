// @peculiar/x509 for the cac domain, loaded after the Reflect metadata shim it needs.
import './reflect-metadata-shim';

export * from '@peculiar/x509';
