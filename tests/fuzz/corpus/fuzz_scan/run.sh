#!/bin/sh
npm install
