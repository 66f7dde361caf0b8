package com.acme.service;

import com.acme.domain.Customer;

public class CustomerService {
  public Customer find(String cardNumber) {
    return new Customer(cardNumber);
  }
}
