package io.osmigrate.cli;
public final class OsMigrate { public static void main(String[] a) { System.out.println("hi"); } }
