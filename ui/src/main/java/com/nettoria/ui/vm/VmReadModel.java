package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.vm.FindVmOperationQuery;
import com.nettoria.coreapi.vm.FindVmOperationsQuery;
import com.nettoria.coreapi.vm.FindVmQuery;
import com.nettoria.coreapi.vm.FindVmSnapshotScheduleQuery;
import com.nettoria.coreapi.vm.FindVmSnapshotsQuery;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationPage;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.coreapi.vm.VmPage;
import com.nettoria.coreapi.vm.VmSnapshotScheduleView;
import com.nettoria.coreapi.vm.VmSnapshotView;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.ReadModelWaiter;
import com.nettoria.ui.web.RequestValues;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The VM read models as the VM controllers ask them: VMs by id or owner, their operations. */
@Component
class VmReadModel {

    private static final Pattern OPERATION_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final QueryGateway queries;
    private final ReadModelWaiter waiter;

    VmReadModel(QueryGateway queries, ReadModelWaiter waiter) {
        this.queries = queries;
        this.waiter = waiter;
    }

    /** The VM id of a path: a UUID (VM ids are derived from their order). */
    static VmId vmId(String value) {
        return new VmId(RequestValues.uuid(value, "vmId"));
    }

    static String operationId(String value) {
        if (value == null || !OPERATION_ID.matcher(value).matches()) {
            throw ApiProblem.badRequest("operationId", "an operation id is 1 to 255 visible ASCII characters");
        }
        return value;
    }

    /** A snapshot id of a path: 1 to 64 lower-case letters, digits and hyphens ({@code snap-<uuid>}). */
    static String snapshotId(String value) {
        if (value == null || !SNAPSHOT_ID.matcher(value).matches()) {
            throw ApiProblem.badRequest("snapshotId", "a snapshot id is 1 to 64 lower-case letters, digits and hyphens");
        }
        return value;
    }

    Optional<VmView> find(VmId vmId) {
        return queries.query(new FindVmQuery(vmId), ResponseTypes.optionalInstanceOf(VmView.class)).join();
    }

    /** Any VM, for administrators: 404 {@code vm.not-found} when unknown. */
    VmView any(VmId vmId) {
        return find(vmId).orElseThrow(() -> ApiProblem.notFound(ErrorCodes.VM_NOT_FOUND, "VM not found",
                "no VM " + vmId));
    }

    /** @throws ApiProblem 404 {@code vm.not-found} for an unknown VM and for someone else's alike (never 403) */
    VmView mine(CustomerId customer, VmId vmId) {
        return find(vmId).filter(vm -> vm.customerId().equals(customer)).orElseThrow(() -> notFound(vmId));
    }

    VmPage page(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(VmPage.class)).join();
    }

    Optional<VmOperationView> operation(VmId vmId, String operationId) {
        return queries.query(new FindVmOperationQuery(vmId, operationId),
                ResponseTypes.optionalInstanceOf(VmOperationView.class)).join();
    }

    /** The operation once the read model shows it; empty when it does not within the wait. */
    Optional<VmOperationView> awaitOperation(VmId vmId, String operationId) {
        return waiter.await(() -> operation(vmId, operationId));
    }

    List<VmSnapshotView> snapshots(VmId vmId) {
        return queries.query(new FindVmSnapshotsQuery(vmId), ResponseTypes.multipleInstancesOf(VmSnapshotView.class))
                .join();
    }

    Optional<VmSnapshotScheduleView> snapshotSchedule(VmId vmId) {
        return queries.query(new FindVmSnapshotScheduleQuery(vmId),
                ResponseTypes.optionalInstanceOf(VmSnapshotScheduleView.class)).join();
    }

    /** The VM's backup schedule once the read model shows {@code condition} of it; as it is now otherwise. */
    Optional<VmSnapshotScheduleView> awaitSnapshotSchedule(VmId vmId,
                                                           Predicate<Optional<VmSnapshotScheduleView>> condition) {
        return waiter.await(() -> Optional.of(snapshotSchedule(vmId)).filter(condition))
                .orElseGet(() -> snapshotSchedule(vmId));
    }

    /** The VM once the read model shows {@code condition} of it; as it is now when it does not within the wait. */
    VmView awaitVm(VmId vmId, Predicate<VmView> condition) {
        return waiter.await(() -> find(vmId).filter(condition)).orElseGet(() -> find(vmId).orElseThrow(
                () -> notFound(vmId)));
    }

    VmOperationPage operations(VmId vmId, int page, int size) {
        return queries.query(new FindVmOperationsQuery(vmId, page, size),
                ResponseTypes.instanceOf(VmOperationPage.class)).join();
    }

    static ApiProblem notFound(VmId vmId) {
        return ApiProblem.notFound(ErrorCodes.VM_NOT_FOUND, "VM not found", "you have no VM " + vmId);
    }

    static ApiProblem snapshotScheduleNotFound(VmId vmId) {
        return ApiProblem.notFound(ErrorCodes.VM_SNAPSHOT_SCHEDULE_NOT_FOUND, "No backup schedule",
                "the VM " + vmId + " has no backup schedule");
    }

    static ApiProblem operationNotFound(VmId vmId, String operationId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "vm.operation-not-found", "Operation not found",
                "the VM " + vmId + " has no operation " + operationId, null, Map.of());
    }
}
