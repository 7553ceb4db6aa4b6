package com.nettoria.coreapi.catalogue;

/** An operating system was added to the catalogue or changed; {@code operatingSystem} is all of it as it now is. */
public record OperatingSystemSavedEvent(CatalogueId catalogueId, OperatingSystem operatingSystem) {
}
