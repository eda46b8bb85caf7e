/**
 * Deep linear networks of scalar weights, L(w) = (t − w₁w₂…w_d)²: their loss, gradient and Hessian in closed form,
 * the critical points where the Hessian is known exactly (the origin, a global minimum, a saddle with two zero
 * weights), and the loss over two chosen weights with the others held fixed. The smallest model in which depth alone
 * changes the landscape (Saxe, McClelland &amp; Ganguli 2014; Kawaguchi 2016, §3).
 */
package org.latentlab.analysis.deeplinear;
