package com.nettoria.coreapi.wallet;

/** The direction of a money movement. */
public enum WalletTransactionType { DEPOSIT, WITHDRAWAL }
