package com.nettoria.coreapi.catalogue;

/** The kind of operating system, for grouping in the portal and for guest customization later. */
public enum OperatingSystemFamily { LINUX, WINDOWS, BSD, OTHER }
