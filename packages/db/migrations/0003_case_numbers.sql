CREATE SEQUENCE case_number_seq START 1;
