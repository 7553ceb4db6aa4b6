package com.nettoria.command.order.adapter;

import com.nettoria.command.capacity.CapacityCheck;
import com.nettoria.command.catalogue.PriceList;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.command.order.Order;
import com.nettoria.command.order.OrderDesk;
import com.nettoria.command.order.RootPasswords;
import com.nettoria.command.order.ScaleDesk;
import com.nettoria.command.vm.VirtualMachine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the order desk, which places, pays and refunds orders, the scale desk, which upgrades them, and the root
 * passwords of orders and rebuilds.
 */
@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

    @Bean
    OrderDesk orderDesk(@Qualifier("orderRepository") Repository<Order> orders, PriceList prices,
                        CommandGateway commands, SecretCodes secrets, RootPasswords rootPasswords,
                        CapacityCheck capacity) {
        return new OrderDesk(orders, prices, commands, secrets, rootPasswords, capacity);
    }

    @Bean
    ScaleDesk scaleDesk(@Qualifier("orderRepository") Repository<Order> orders,
                        @Qualifier("virtualMachineRepository") Repository<VirtualMachine> vms, PriceList prices,
                        CommandGateway commands, CapacityCheck capacity) {
        return new ScaleDesk(orders, vms, prices, commands, capacity);
    }

    /** Also a parameter of the VM's rebuild command handler. */
    @Bean
    RootPasswords rootPasswords() {
        return new RootPasswords();
    }
}
