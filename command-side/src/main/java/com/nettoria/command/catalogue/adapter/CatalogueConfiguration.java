package com.nettoria.command.catalogue.adapter;

import com.nettoria.command.catalogue.Catalogue;
import com.nettoria.command.catalogue.CataloguePriceList;
import com.nettoria.command.catalogue.PriceList;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The write side's price list: the catalogue aggregate, loaded through the repository Axon made for it. */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    @Bean
    PriceList priceList(@Qualifier("catalogueRepository") Repository<Catalogue> catalogues) {
        return new CataloguePriceList(catalogues);
    }
}
